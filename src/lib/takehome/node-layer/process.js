// `tour/process`: the command line the service was started with, as in the browser:
// argv = ['node', '<service>', ...arguments], so argv[2] is the first argument.
const service = process.env.TOUR_SERVICE ?? 'service';
const given = process.argv.slice(2);

export const argv = ['node', service, ...given];
export const args = [...given];
export const env = process.env;
