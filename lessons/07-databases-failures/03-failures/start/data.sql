-- The bookshop's database. (The gift_cards table was planned, but its migration never ran.)
CREATE TABLE books (
  id VARCHAR(40) PRIMARY KEY,
  title VARCHAR(200) NOT NULL,
  price DECIMAL(8, 2) NOT NULL
);
INSERT INTO books VALUES
  ('moby-dick', 'Moby-Dick', 12.50),
  ('dracula', 'Dracula', 9.90);
