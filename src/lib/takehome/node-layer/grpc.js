// `tour/grpc` on Node: NOT AVAILABLE in the take-home project. The course's gRPC carries JSON messages
// on method paths without .proto files; @grpc/grpc-js needs service definitions (protobuf) that the
// course's code does not have. Port the service to @grpc/grpc-js with a .proto file to run it for real.
const missing = (what) => () => {
	throw new Error(`tour/grpc: ${what} is not available in the take-home project — @grpc/grpc-js needs .proto service definitions (see README.md)`);
};
export const Server = missing('Server');
export const Client = missing('Client');
export const Metadata = missing('Metadata');
export const status = { OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9, ABORTED: 10, OUT_OF_RANGE: 11, UNIMPLEMENTED: 12, INTERNAL: 13, UNAVAILABLE: 14, DATA_LOSS: 15, UNAUTHENTICATED: 16 };
