// The 50,000 most common passwords, as Firefox Accounts checks them (package fxa-common-password-list, MPL-2.0).
const list = require('fxa-common-password-list') as { test(password: string): boolean };

/** True for any of the 50,000 most common passwords (a superset of the 10,000 most common), in any letter case. */
export function isCommonPassword(password: string): boolean {
  return list.test(password) || list.test(password.toLowerCase());
}
