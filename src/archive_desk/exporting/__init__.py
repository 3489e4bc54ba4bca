"""Excel exports (registers, shelf lists, the yearly inventory workbook). Pure: rows in, files out."""
