// Contracts: The customer's home page (tiles, renewals, news, banner, recent activity) and the staff's news and banner.

export {};
