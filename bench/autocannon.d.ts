// autocannon ships no type declarations; the bench casts it to the small surface it uses.
declare module 'autocannon' {
  const autocannon: unknown;
  export default autocannon;
}
