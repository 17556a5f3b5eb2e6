"""Baseline for api.bench.ts: the same two authed endpoints as the tRPC server, in FastAPI + PyJWT.

Each request verifies the bearer token (ES256/RS256 against the project's JWKS, iss, aud, exp),
as a typical FastAPI service on Supabase does. /rls-read then reads a few of the user's documents
through the Data API with the user's own token, so Row Level Security decides, like the tRPC
procedure does.

Usage: python3 fastapi_app.py --port 8001 --supabase-url URL --publishable-key KEY
"""

import argparse

import httpx
import jwt
import uvicorn
from fastapi import FastAPI, HTTPException, Request

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--supabase-url", required=True)
parser.add_argument("--publishable-key", required=True)
args = parser.parse_args()

issuer = f"{args.supabase_url.rstrip('/')}/auth/v1"
# PyJWKClient keeps the fetched key set for `lifespan` seconds (Supabase advises 10 minutes).
jwks = jwt.PyJWKClient(f"{issuer}/.well-known/jwks.json", cache_jwk_set=True, lifespan=600)
app = FastAPI()
data_api: httpx.AsyncClient | None = None


def verify(request: Request) -> tuple[str, dict]:
    header = request.headers.get("authorization", "")
    if not header.lower().startswith("bearer "):
        raise HTTPException(401, "missing token", headers={"WWW-Authenticate": "Bearer"})
    token = header[7:]
    try:
        key = jwks.get_signing_key_from_jwt(token)
        claims = jwt.decode(
            token,
            key.key,
            algorithms=["ES256", "RS256"],
            audience="authenticated",
            issuer=issuer,
            leeway=5,
        )
    except jwt.PyJWTError as error:
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"}) from error
    return token, claims


@app.on_event("startup")
async def startup() -> None:
    global data_api
    data_api = httpx.AsyncClient(base_url=f"{args.supabase_url.rstrip('/')}/rest/v1")


@app.get("/trivial")
async def trivial(request: Request) -> dict:
    _, claims = verify(request)
    return {"id": claims["sub"], "email": claims.get("email")}


@app.get("/rls-read")
async def rls_read(request: Request) -> list:
    token, _ = verify(request)
    assert data_api is not None
    response = await data_api.get(
        "/documents",
        params={"select": "id,title,status", "order": "created_at.desc,id.desc", "limit": "5"},
        headers={"apikey": args.publishable_key, "authorization": f"Bearer {token}"},
    )
    if response.status_code != 200:
        raise HTTPException(502, "data api failed")
    return response.json()


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=args.port, log_level="warning", access_log=False)
