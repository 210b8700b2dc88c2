import sqlite3

import tornado.web
import tornado.websocket

conn = sqlite3.connect("chat.db")


class ChatSocket(tornado.websocket.WebSocketHandler):
    def open(self, room):
        self.room = room

    def on_message(self, message):
        conn.execute("INSERT INTO messages (body) VALUES ('%s')" % message)  # expect: CWE-89
        conn.execute("INSERT INTO audit (room, body) VALUES (?, ?)", (self.room, message))  # safe: CWE-89
        conn.commit()


def make_app():
    return tornado.web.Application([(r"/chat/(\w+)", ChatSocket)])
