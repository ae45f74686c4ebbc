/** `base-url.ts`: where the MSW handlers answer unless told otherwise, from the API name and major version. */
export function emitBaseUrlModule(api: string, major: number, constantName: string, header: string): string {
  return `${header}
/** Where the MSW handlers answer unless told otherwise; point your client's baseUrl here. */
export const ${constantName} = ${JSON.stringify(`https://bron.eduvkit.test/${api}/v${major}`)};
`;
}
