import sqlite3


class ProjectRepository:
    def __init__(self, tenant):
        self.tenant = tenant
        self.conn = sqlite3.connect("projects.db")

    def active_projects(self):
        sql = f"SELECT id, name FROM projects WHERE tenant = '{self.tenant}' AND active = 1"
        return self.conn.execute(sql).fetchall()  # expect: CWE-89
