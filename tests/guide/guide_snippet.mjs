// The guide's Node.js snippets (steps 1-6, edit, delete), verbatim apart from indentation.
// The test substitutes BASE_URL, the token URL and the credentials.
const BASE_URL = "https://app.neuroflash.com/api";
const { access_token } = await fetch(
  "https://id.neuroflash.com/oauth/v2/token",
  {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: "YOUR_CLIENT_ID",
      client_secret: "YOUR_CLIENT_SECRET",
      scope: "openid",
    }),
  }
).then((r) => r.json());
const headers = { Authorization: `Bearer ${access_token}` };

const workspaces = await fetch(
  `${BASE_URL}/workspace-service/v1/workspaces`,
  { headers }
).then((r) => r.json());
const workspaceId = workspaces._embedded.workspaces[0].id;
headers["x-workspace-id"] = workspaceId;
console.log(`Using workspace: ${workspaceId}`);

const quotas = await fetch(
  `${BASE_URL}/usage-service/v1/workspaces/${workspaceId}/quotas?usageTypeKey=images`,
  { headers }
).then((r) => r.json());
const imageQuota = quotas.data[0];
console.log(`Available: ${imageQuota.availableAmount} images`);
console.log(`Used: ${imageQuota.usedAmount} images`);
console.log(`Limit: ${imageQuota.limitAmount} images`);

const models = await fetch(
  `${BASE_URL}/ds-prototypes/image_generation/models`,
  { headers }
).then((r) => r.json());
for (const model of models) {
  console.log(`${model.id}: ${model.name} — ${model.description}`);
  console.log(` Capabilities: ${model.capabilities.join(", ")}`);
}

const result = await fetch(
  `${BASE_URL}/ds-prototypes/image_generation/`,
  {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({
      prompt:
        "A professional hero image for a blog post about sustainable technology. Modern, clean design with green and blue tones.",
      model: "nano-banana-2",
      num_images: 1,
      aspect_ratio: "16:9",
      output_format: "png",
    }),
  }
).then((r) => r.json());
for (const image of result.images) {
  console.log(`Image URL: ${image.url}`);
  console.log(`Size: ${image.width}x${image.height}`);
}

const quotasAfter = await fetch(
  `${BASE_URL}/usage-service/v1/workspaces/${workspaceId}/quotas?usageTypeKey=images`,
  { headers }
).then((r) => r.json());
const imageQuotaAfter = quotasAfter.data[0];
console.log(`Available after generation: ${imageQuotaAfter.availableAmount} images`);
console.log(`Daily usage: ${imageQuotaAfter.usedAmountDaily} images`);

const history = await fetch(`${BASE_URL}/ds-prototypes/history`, { headers })
  .then((r) => r.json());
const sourcePath = history.items[0].output_image_url;
const edited = await fetch(`${BASE_URL}/ds-prototypes/edit`, {
  method: "POST",
  headers: { ...headers, "x-workspace-id": workspaceId, "Content-Type": "application/json" },
  body: JSON.stringify({
    prompt: "Make the sky a deep sunset orange",
    image_urls: [sourcePath],
  }),
}).then((r) => r.json());

const imageId = history.items[0].output_image_id;
await fetch(`${BASE_URL}/ds-prototypes/history/${imageId}`, {
  method: "DELETE",
  headers: { ...headers, "x-workspace-id": workspaceId },
});
