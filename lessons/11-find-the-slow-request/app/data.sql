-- HotROD's four customers (examples/hotrod/services/customer/database.go)
CREATE TABLE customer (
  customer_id INT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  location VARCHAR(40) NOT NULL
);

INSERT INTO customer (customer_id, name, location) VALUES
  (123, 'Rachel''s Floral Designs', '115,277'),
  (567, 'Amazing Coffee Roasters', '211,653'),
  (392, 'Trom Chocolatier', '577,322'),
  (731, 'Japanese Desserts', '728,326');
