x = "bom é"
