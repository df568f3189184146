# ruff: noqa  (kept verbatim from the guide, not restyled)
# The guide's Python snippets (steps 1-6, edit, delete), verbatim apart from indentation that
# the published page lost. The test substitutes BASE_URL, the token URL and the credentials.
import requests

BASE_URL = "https://app.neuroflash.com/api"
token = requests.post(
    "https://id.neuroflash.com/oauth/v2/token",
    data={
        "grant_type": "client_credentials",
        "client_id": "YOUR_CLIENT_ID",
        "client_secret": "YOUR_CLIENT_SECRET",
        "scope": "openid",
    },
).json()["access_token"]
headers = {"Authorization": f"Bearer {token}"}

workspaces = requests.get(
    f"{BASE_URL}/workspace-service/v1/workspaces",
    headers=headers,
).json()
workspace_id = workspaces["_embedded"]["workspaces"][0]["id"]
headers["x-workspace-id"] = workspace_id
print(f"Using workspace: {workspace_id}")

quotas = requests.get(
    f"{BASE_URL}/usage-service/v1/workspaces/{workspace_id}/quotas",
    headers=headers,
    params={"usageTypeKey": "images"},
).json()
image_quota = quotas["data"][0]
print(f"Available: {image_quota['availableAmount']} images")
print(f"Used: {image_quota['usedAmount']} images")
print(f"Limit: {image_quota['limitAmount']} images")

models = requests.get(
    f"{BASE_URL}/ds-prototypes/image_generation/models",
    headers=headers,
).json()
for model in models:
    print(f"{model['id']}: {model['name']} — {model['description']}")
    print(f" Capabilities: {', '.join(model['capabilities'])}")

result = requests.post(
    f"{BASE_URL}/ds-prototypes/image_generation/",
    headers=headers,
    json={
        "prompt": "A professional hero image for a blog post about sustainable technology. Modern, clean design with green and blue tones.",
        "model": "nano-banana-2",
        "num_images": 1,
        "aspect_ratio": "16:9",
        "output_format": "png",
    },
).json()
for image in result["images"]:
    print(f"Image URL: {image['url']}")
    print(f"Size: {image['width']}x{image['height']}")

# Check quota after generation
quotas_after = requests.get(
    f"{BASE_URL}/usage-service/v1/workspaces/{workspace_id}/quotas",
    headers=headers,
    params={"usageTypeKey": "images"},
).json()
image_quota_after = quotas_after["data"][0]
print(f"Available after generation: {image_quota_after['availableAmount']} images")
print(f"Daily usage: {image_quota_after['usedAmountDaily']} images")

history = requests.get(f"{BASE_URL}/ds-prototypes/history", headers=headers).json()
source_path = history["items"][0]["output_image_url"]
edited = requests.post(
    f"{BASE_URL}/ds-prototypes/edit",
    headers={**headers, "x-workspace-id": workspace_id, "Content-Type": "application/json"},
    json={"prompt": "Make the sky a deep sunset orange", "image_urls": [source_path]},
).json()

image_id = history["items"][0]["output_image_id"]
requests.delete(
    f"{BASE_URL}/ds-prototypes/history/{image_id}",
    headers={**headers, "x-workspace-id": workspace_id},
)
