import { v7 as uuidv7, validate, version } from 'uuid';

/** A new time-sortable id (UUIDv7): ids created later sort after earlier ones. */
export function newId(): string {
  return uuidv7();
}

export function isId(value: string): boolean {
  return validate(value) && version(value) === 7;
}
