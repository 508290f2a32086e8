// The admin the test server is created with (see playwright.config.ts).
export const ADMIN_EMAIL = 'admin@e2e.example';
export const ADMIN_PASSWORD = 'e2e admin passphrase';
