// Evaluates the harness's recorded AWS calls against each function's own policies, resources as written
// (not widened), with @cloud-copilot/iam-simulate (scripts/lib.sh installs the version it names).
// stdin:  {"principals": {fn: arn}, "policies": {fn: [{name, policy}]}, "checks": [{fn, action, resource, context}]}
// stdout: [{"decision": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied" | "Error", "detail": "..."}], one per check
// Usage: node iam_check.cjs MODULES_DIR   (MODULES_DIR: the node_modules folder iam-simulate is installed in)
const { createRequire } = require('module')
const path = require('path')

async function main() {
  const modules = process.argv[2]
  const { runSimulation } = createRequire(path.join(modules, 'noop.js'))('@cloud-copilot/iam-simulate')
  const chunks = []
  for await (const chunk of process.stdin) chunks.push(chunk)
  const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  const results = []
  for (const check of input.checks) {
    const simulation = {
      request: {
        principal: input.principals[check.fn],
        action: check.action,
        resource: { resource: check.resource, accountId: input.account },
        contextVariables: check.context || {}
      },
      identityPolicies: input.policies[check.fn] || [],
      serviceControlPolicies: [],
      resourceControlPolicies: []
    }
    const response = await runSimulation(simulation, {})
    if (response.resultType === 'error') {
      results.push({ decision: 'Error', detail: JSON.stringify(response.errors) })
    } else {
      results.push({ decision: response.overallResult, detail: '' })
    }
  }
  process.stdout.write(JSON.stringify(results))
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n')
  process.exit(2)
})
