const helloTo = process.argv[2];
// Print the greeting: Hello, <name>!
