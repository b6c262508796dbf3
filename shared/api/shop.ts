// Route contracts of the customer's catalogue (new programs), product pages and the cart.

export {};
