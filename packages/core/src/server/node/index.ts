export { answerClientError, parserErrorStatus, rawStatusResponse } from './client-error';
export { createNodeHandler, DEFAULT_MAX_URL_LENGTH, type NodeAnswerer, type NodeHandlerOptions } from './node-handler';
export { NodeBronRequest, type BodyState } from './node-request';
export { serveNode, type NodeServer, type ServeNodeOptions } from './serve-node';
