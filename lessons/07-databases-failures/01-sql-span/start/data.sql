-- The bookshop's database: customers and their orders.
CREATE TABLE customers (
  id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  email VARCHAR(200) NOT NULL
);
INSERT INTO customers VALUES
  (1, 'Ada Lovelace', 'ada@example.com'),
  (2, 'Alan Turing', 'alan@example.com');

CREATE TABLE orders (
  id INT PRIMARY KEY,
  customer_id INT NOT NULL,
  title VARCHAR(200) NOT NULL,
  total DECIMAL(8, 2) NOT NULL
);
INSERT INTO orders VALUES
  (101, 1, 'Moby-Dick', 12.50),
  (102, 1, 'Dracula', 9.90),
  (103, 2, 'Frankenstein', 8.00);
