import { argv } from 'tour/process';

const helloTo = argv[0];
// Print the greeting: Hello, <name>!
