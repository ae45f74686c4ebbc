/** `T` without the keys `K`; unlike `Omit` it keeps the named fields of a type that also has an index signature (open objects). */
export type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };
