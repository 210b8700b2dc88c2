import sqlite3

import pandas as pd


def sales_frame(region):
    conn = sqlite3.connect("warehouse.db")
    query = "SELECT day, SUM(amount) AS total FROM sales WHERE region = '" + region + "' GROUP BY day"
    return pd.read_sql(query, conn)  # expect: CWE-89
