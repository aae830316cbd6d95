const helloTo = process.argv[2];
console.log(`Hello, ${helloTo}!`);
