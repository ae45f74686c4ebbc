/** An OAuth 2.0 error answer (RFC 6749 §5.2): a code and a description that says precisely why. */
export class OAuthError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
  ) {
    super(description);
  }

  get httpStatus(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }

  toResponse(): Response {
    return new Response(JSON.stringify({ error: this.error, error_description: this.description }), {
      status: this.httpStatus,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  }
}
