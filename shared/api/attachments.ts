// Route contracts of the support desk's attachments area (issue #13).

export {};
