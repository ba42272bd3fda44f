"""Finds real ids in the demo data of a running local API, for scripts/fuzz-api's path parameters: the project
"Tour Horizon" (Sophie is LIMITED on it, so the member run reads it), its renewed insurance certificate and an
AVAILABLE version, another of its documents for deleteDocument alone, one of its requirements (from a template) for
removeRequirement, a directory person, one of Marie's notifications and her calendar feed. Usage: python ids.py BASE_URL TOKEN OUT.json"""
import json
import sys
import time
import urllib.parse
import urllib.request


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def post(base, token, path):
    request = urllib.request.Request(base + path, method="POST", headers={"Authorization": f"Bearer {token}"})  # no body, no content type
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def main(base, token, out):
    projects = get(base, token, "/projects?state=ACTIVE&limit=100")["items"]
    project = next(p["id"] for p in projects if p["name"].startswith("Tour Horizon"))
    documents = get(base, token, f"/projects/{project}/admin-documents?limit=100")["items"]
    insurance = next(d["id"] for d in documents if d["kind"] == "INSURANCE")
    doomed = next(d["id"] for d in documents if d["kind"] == "LICENCE_PERMIT")
    versions = get(base, token, f"/projects/{project}/admin-documents/{insurance}/versions")["items"]
    version = next(v["id"] for v in versions if v["status"] == "AVAILABLE")
    person = get(base, token, "/directory/people?limit=1")["items"][0]["id"]
    requirements = get(base, token, f"/projects/{project}/requirements")["items"]
    removable = next(r["id"] for r in requirements if r["source"] == "TEMPLATE")
    # the tick only queued the due reminders: the API's reminder workers (scripts/dev's event source) fire them
    deadline = time.time() + 30
    notifications = get(base, token, "/notifications?limit=1")["items"]
    while not notifications and time.time() < deadline:
        time.sleep(0.5)
        notifications = get(base, token, "/notifications?limit=1")["items"]
    if not notifications:
        sys.exit("the organization admin has no notification after 30 s: the tick and its workers should have fired one")
    ids = {"path.projectId": project, "path.documentId": insurance, "path.versionId": version, "path.personId": person,
           "path.id": notifications[0]["id"], "path.userId": "jean", "deleteDocument.documentId": doomed,
           "removeRequirement.requirementId": removable,
           # Marie's calendar feed ("<secret>.ics"): until an example of rotateCalendar retires it
           "readCalendarFeed.feed": post(base, token, "/me/calendar")["url"].rsplit("/", 1)[1]}
    json.dump(ids, open(out, "w"), indent=1)
    print("fuzzing on: " + ", ".join(f"{k}={v}" for k, v in ids.items()))


if __name__ == "__main__":
    main(*sys.argv[1:])
