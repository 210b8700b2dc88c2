def clauses(filters):
    for column in ("color", "size"):
        value = filters.get(column)
        if value:
            yield f"{column} = '{value}'"


def build_query(filters):
    where = " AND ".join(clauses(filters)) or "1 = 1"
    return "SELECT sku, stock FROM inventory WHERE " + where
