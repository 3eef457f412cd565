"""The one store: every read and write of Newsdesk's data, by named methods on `core.Store`
(SQLAlchemy Core; SQLite by default, or PostgreSQL). Rows never leave this wing; frozen values
from the ground do. Imports only from the ground and the runtime."""
