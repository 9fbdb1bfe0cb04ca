/** A custom entry or activity type's name: lower-case letters, digits and dashes, starting with a letter. */
const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

export function isValidTypeName(name: string): boolean {
  return TYPE_NAME.test(name);
}
