// Contracts: The customer's profile (personal data, individual or company, addresses) and the staff's company verification.

export {};
