UPDATE jobs SET name = 'x';
