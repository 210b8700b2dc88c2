import sqlite3


class ProjectRepository:
    table = "projects"

    def __init__(self, tenant):
        self.tenant = tenant
        self.order = "created_at"

    def active_projects(self):
        conn = sqlite3.connect("projects.db")
        sql = f"SELECT id, name FROM {self.table} WHERE tenant = ? ORDER BY {self.order}"
        return conn.execute(sql, (self.tenant,)).fetchall()  # safe: CWE-89
