import sqlite3

import pandas as pd

QUERY = "SELECT day, SUM(amount) AS total FROM sales WHERE region = ? GROUP BY day"


def sales_frame(region):
    conn = sqlite3.connect("warehouse.db")
    return pd.read_sql(QUERY, conn, params=[region])  # safe: CWE-89
