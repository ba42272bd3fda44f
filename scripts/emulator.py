"""moto's server, one request at a time.

`moto_server` serves requests on many threads with no lock around its backends, so two concurrent
conditional writes can both pass their condition: DynamoDB never allows that. Serving one request at a
time gives the emulator DynamoDB's per-request atomicity, which the concurrency tests rely on.
Usage: python scripts/emulator.py HOST PORT
"""
import sys

from werkzeug.serving import run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

if __name__ == "__main__":
    host, port = sys.argv[1], int(sys.argv[2])
    app = DomainDispatcherApplication(create_backend_app)
    run_simple(host, port, app, threaded=False, use_reloader=False, request_handler=MotoRequestHandler)
