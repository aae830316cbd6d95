import { argv } from 'tour/process';

const helloTo = argv[0];
console.log(`Hello, ${helloTo}!`);
