
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'kubesim' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'kubesim'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'kubesim' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Apply a configuration to a resource by file name or stdin')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a resource from a file or from stdin')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a particular image on the cluster (a bare pod)')
            [CompletionResult]::new('label', 'label', [CompletionResultType]::ParameterValue, 'Update the labels on a resource')
            [CompletionResult]::new('annotate', 'annotate', [CompletionResultType]::ParameterValue, 'Update the annotations on a resource')
            [CompletionResult]::new('patch', 'patch', [CompletionResultType]::ParameterValue, 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Diff the live version against what would be applied')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Edit a resource on the server with your default editor')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Display one or many resources')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete resources by file names, stdin, resources and names, or by resources and label selector')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Set a new size for a deployment, replica set, replication controller, or stateful set')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show details of a specific resource or group of resources')
            [CompletionResult]::new('rollout', 'rollout', [CompletionResultType]::ParameterValue, 'Manage the rollout of one or many resources')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Configure application resources (image, resources, env)')
            [CompletionResult]::new('clock', 'clock', [CompletionResultType]::ParameterValue, 'Show or advance the simulated clock')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create, inspect or reset the simulated cluster')
            [CompletionResult]::new('api-resources', 'api-resources', [CompletionResultType]::ParameterValue, 'Print the supported API resources on the server')
            [CompletionResult]::new('api-versions', 'api-versions', [CompletionResultType]::ParameterValue, 'Print the supported API versions on the server, in the form of "group/version"')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Modify kubeconfig-style settings: the namespace kept in the store')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Output shell completion code for the specified shell (bash, zsh, fish, powershell or elvish)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the client and server version information')
            break
        }
        'kubesim;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The files that contain the configurations to apply (`-` for stdin)')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'The files that contain the configurations to apply (`-` for stdin)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: json, yaml, name, jsonpath=..., jsonpath-as-json=... ')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: json, yaml, name, jsonpath=..., jsonpath-as-json=... ')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filename, directory, or URL to files to use to create the resource')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Filename, directory, or URL to files to use to create the resource')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('deployment', 'deployment', [CompletionResultType]::ParameterValue, 'Create a deployment with the specified name')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Create a deployment with the specified name')
            [CompletionResult]::new('job', 'job', [CompletionResultType]::ParameterValue, 'Create a job with the specified name')
            [CompletionResult]::new('cronjob', 'cronjob', [CompletionResultType]::ParameterValue, 'Create a cron job with the specified name')
            [CompletionResult]::new('cj', 'cj', [CompletionResultType]::ParameterValue, 'Create a cron job with the specified name')
            [CompletionResult]::new('service', 'service', [CompletionResultType]::ParameterValue, 'Create a service using a specified subcommand')
            [CompletionResult]::new('svc', 'svc', [CompletionResultType]::ParameterValue, 'Create a service using a specified subcommand')
            [CompletionResult]::new('namespace', 'namespace', [CompletionResultType]::ParameterValue, 'Create a namespace with the specified name')
            [CompletionResult]::new('ns', 'ns', [CompletionResultType]::ParameterValue, 'Create a namespace with the specified name')
            [CompletionResult]::new('configmap', 'configmap', [CompletionResultType]::ParameterValue, 'Create a config map from a local file, directory or literal value')
            [CompletionResult]::new('cm', 'cm', [CompletionResultType]::ParameterValue, 'Create a config map from a local file, directory or literal value')
            [CompletionResult]::new('secret', 'secret', [CompletionResultType]::ParameterValue, 'Create a secret using a specified subcommand')
            break
        }
        'kubesim;create;deployment' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image names to run. A deployment can have multiple images set for multi-container pod')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Number of replicas to create')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Number of replicas to create')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The containerPort that this deployment exposes')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;deploy' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image names to run. A deployment can have multiple images set for multi-container pod')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Number of replicas to create')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Number of replicas to create')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The containerPort that this deployment exposes')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;job' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image name to run')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;cronjob' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image name to run')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'A schedule in the Cron format the job should be run with')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'job''s restart policy. supported values: OnFailure, Never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;cj' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Image name to run')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'A schedule in the Cron format the job should be run with')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'job''s restart policy. supported values: OnFailure, Never')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;service' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('clusterip', 'clusterip', [CompletionResultType]::ParameterValue, 'Create a ClusterIP service')
            [CompletionResult]::new('nodeport', 'nodeport', [CompletionResultType]::ParameterValue, 'Create a NodePort service')
            [CompletionResult]::new('loadbalancer', 'loadbalancer', [CompletionResultType]::ParameterValue, 'Create a LoadBalancer service')
            break
        }
        'kubesim;create;svc' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('clusterip', 'clusterip', [CompletionResultType]::ParameterValue, 'Create a ClusterIP service')
            [CompletionResult]::new('nodeport', 'nodeport', [CompletionResultType]::ParameterValue, 'Create a NodePort service')
            [CompletionResult]::new('loadbalancer', 'loadbalancer', [CompletionResultType]::ParameterValue, 'Create a LoadBalancer service')
            break
        }
        'kubesim;create;service;clusterip' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;svc;clusterip' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;service;nodeport' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;svc;nodeport' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;service;loadbalancer' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;svc;loadbalancer' {
            [CompletionResult]::new('--tcp', '--tcp', [CompletionResultType]::ParameterName, 'Port pairs can be specified as ''<port>:<targetPort>''')
            [CompletionResult]::new('--clusterip', '--clusterip', [CompletionResultType]::ParameterName, 'Assign your own ClusterIP or set to ''None'' for a ''headless'' service (no loadbalancing)')
            [CompletionResult]::new('--node-port', '--node-port', [CompletionResultType]::ParameterName, 'Port used to expose the service on each node in a cluster')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;namespace' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;ns' {
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;configmap' {
            [CompletionResult]::new('--from-literal', '--from-literal', [CompletionResultType]::ParameterName, 'Specify a key and literal value to insert (i.e. mykey=somevalue)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Key file can be specified using its file path, or an optional key and file path')
            [CompletionResult]::new('--from-env-file', '--from-env-file', [CompletionResultType]::ParameterName, 'Specify the path to a file to read lines of key=val pairs')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;cm' {
            [CompletionResult]::new('--from-literal', '--from-literal', [CompletionResultType]::ParameterName, 'Specify a key and literal value to insert (i.e. mykey=somevalue)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Key file can be specified using its file path, or an optional key and file path')
            [CompletionResult]::new('--from-env-file', '--from-env-file', [CompletionResultType]::ParameterName, 'Specify the path to a file to read lines of key=val pairs')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;create;secret' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('generic', 'generic', [CompletionResultType]::ParameterValue, 'Create a secret from a local file, directory, or literal value')
            break
        }
        'kubesim;create;secret;generic' {
            [CompletionResult]::new('--from-literal', '--from-literal', [CompletionResultType]::ParameterName, 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)')
            [CompletionResult]::new('--from-file', '--from-file', [CompletionResultType]::ParameterName, 'Key files can be specified using their file path')
            [CompletionResult]::new('--from-env-file', '--from-env-file', [CompletionResultType]::ParameterName, 'Specify the path to a file to read lines of key=val pairs')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The type of secret to create')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;run' {
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'The image for the container to run')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Comma separated labels to apply to the pod. Will override previous values')
            [CompletionResult]::new('--labels', '--labels', [CompletionResultType]::ParameterName, 'Comma separated labels to apply to the pod. Will override previous values')
            [CompletionResult]::new('--annotations', '--annotations', [CompletionResultType]::ParameterName, 'Annotations to apply to the pod')
            [CompletionResult]::new('--restart', '--restart', [CompletionResultType]::ParameterName, 'The restart policy for this Pod. Legal values [Always, OnFailure, Never]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port that this container exposes')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Environment variables to set in the container')
            [CompletionResult]::new('--image-pull-policy', '--image-pull-policy', [CompletionResultType]::ParameterName, 'The image pull policy for the container')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--command', '--command', [CompletionResultType]::ParameterName, 'If true and extra arguments are present, use them as the ''command'' field in the container')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;label' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Allow existing values to be overwritten')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select all resources, in the namespace of the specified resource types')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'If true, check the specified action in all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'If true, check the specified action in all namespaces')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'If true, display the labels (annotations) for a given resource')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;annotate' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Allow existing values to be overwritten')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select all resources, in the namespace of the specified resource types')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'If true, check the specified action in all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'If true, check the specified action in all namespaces')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'If true, display the labels (annotations) for a given resource')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;patch' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The patch to be applied to the resource JSON file')
            [CompletionResult]::new('--patch', '--patch', [CompletionResultType]::ParameterName, 'The patch to be applied to the resource JSON file')
            [CompletionResult]::new('--patch-file', '--patch-file', [CompletionResultType]::ParameterName, 'A file containing a patch to be applied to the resource')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The type of patch being provided; one of [json merge strategic]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Must be "none", "server", or "client"')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json or name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;diff' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Filename, directory, or URL to files contains the configuration to diff')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Filename, directory, or URL to files contains the configuration to diff')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Process the directory used in -f recursively')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;edit' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for editing: yaml (default) or json')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for editing: yaml (default) or json')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: wide, yaml, json, name, jsonpath=..., jsonpath-file=..., jsonpath-as-json=..., custom-columns=..., custom-columns-file=....')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: wide, yaml, json, name, jsonpath=..., jsonpath-file=..., jsonpath-as-json=..., custom-columns=..., custom-columns-file=....')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Template string or path to template file to use with -o jsonpath / custom-columns')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--field-selector', '--field-selector', [CompletionResultType]::ParameterName, 'Selector (field query) to filter on, e.g. --field-selector status.phase=Running')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Columns for the values of these labels')
            [CompletionResult]::new('--label-columns', '--label-columns', [CompletionResultType]::ParameterName, 'Columns for the values of these labels')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'Sort list types using this JSONPath expression, e.g. ''{.metadata.name}''')
            [CompletionResult]::new('--allow-missing-template-keys', '--allow-missing-template-keys', [CompletionResultType]::ParameterName, 'Ignore errors in templates when a field or map key is missing (jsonpath output)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'List the requested object(s) across all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'List the requested object(s) across all namespaces')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Don''t print headers')
            [CompletionResult]::new('--show-labels', '--show-labels', [CompletionResultType]::ParameterName, 'Show all labels as the last column')
            [CompletionResult]::new('--show-kind', '--show-kind', [CompletionResultType]::ParameterName, 'List the resource type for the requested object(s)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;delete' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Files that contain the resources to delete')
            [CompletionResult]::new('--filename', '--filename', [CompletionResultType]::ParameterName, 'Files that contain the resources to delete')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--cascade', '--cascade', [CompletionResultType]::ParameterName, 'background, foreground or orphan')
            [CompletionResult]::new('--grace-period', '--grace-period', [CompletionResultType]::ParameterName, 'Seconds given to the resource to terminate gracefully')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for resources to be gone before returning (advances the simulated clock)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output mode: `name`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output mode: `name`')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-R', '-R ', [CompletionResultType]::ParameterName, 'R')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'recursive')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Delete all resources of the given types in the namespace')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'Immediate deletion (grace period 1)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Immediately remove resources from the API')
            [CompletionResult]::new('--ignore-not-found', '--ignore-not-found', [CompletionResultType]::ParameterName, 'Treat "resource not found" as a successful delete')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;scale' {
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'The new desired number of replicas')
            [CompletionResult]::new('--current-replicas', '--current-replicas', [CompletionResultType]::ParameterName, 'Precondition for current size')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;describe' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--show-events', '--show-events', [CompletionResultType]::ParameterName, 'If true, display events related to the described object')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'If present, list the requested object(s) across all namespaces')
            [CompletionResult]::new('--all-namespaces', '--all-namespaces', [CompletionResultType]::ParameterName, 'If present, list the requested object(s) across all namespaces')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the status of the rollout (advancing the simulated clock while it waits)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'View previous rollout revisions and configurations')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Undo a previous rollout')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Mark the provided resource as paused')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused resource')
            [CompletionResult]::new('restart', 'restart', [CompletionResultType]::ParameterValue, 'Restart a resource')
            break
        }
        'kubesim;rollout;status' {
            [CompletionResult]::new('-w', '-w', [CompletionResultType]::ParameterName, 'Watch the status of the rollout until it''s done')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Watch the status of the rollout until it''s done')
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'Pin to a specific revision for showing its status. Defaults to 0 (last revision)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'The length of simulated time to wait before ending watch, zero means never (e.g. 1s, 2m, 3h)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout;history' {
            [CompletionResult]::new('--revision', '--revision', [CompletionResultType]::ParameterName, 'See the details, including podTemplate of the revision specified')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout;undo' {
            [CompletionResult]::new('--to-revision', '--to-revision', [CompletionResultType]::ParameterName, 'The revision to rollback to. Default to 0 (last revision)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout;pause' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout;resume' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;rollout;restart' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;set' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'Update existing container image(s) of resources')
            [CompletionResult]::new('resources', 'resources', [CompletionResultType]::ParameterValue, 'Update resource requests/limits on objects with pod templates')
            [CompletionResult]::new('env', 'env', [CompletionResultType]::ParameterValue, 'Update environment variables on a pod template')
            break
        }
        'kubesim;set;image' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select all resources, in the namespace of the specified resource types')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;set;resources' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards')
            [CompletionResult]::new('--containers', '--containers', [CompletionResultType]::ParameterName, 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards')
            [CompletionResult]::new('--limits', '--limits', [CompletionResultType]::ParameterName, 'The resource requirement limits for this container. For example, ''cpu=200m,memory=512Mi''')
            [CompletionResult]::new('--requests', '--requests', [CompletionResultType]::ParameterName, 'The resource requirement requests for this container. For example, ''cpu=100m,memory=256Mi''')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select all resources, in the namespace of the specified resource types')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;set;env' {
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('--selector', '--selector', [CompletionResultType]::ParameterName, 'Selector (label query) to filter on')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'The names of containers in the selected pod templates to change - may use wildcards')
            [CompletionResult]::new('--containers', '--containers', [CompletionResultType]::ParameterName, 'The names of containers in the selected pod templates to change - may use wildcards')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Specify a key-value pair for an environment variable to set into each container')
            [CompletionResult]::new('--env', '--env', [CompletionResultType]::ParameterName, 'Specify a key-value pair for an environment variable to set into each container')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Select all resources, in the namespace of the specified resource types')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;clock' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('advance', 'advance', [CompletionResultType]::ParameterValue, 'Move the simulated clock forward (e.g. 30s, 5m, 1h30m, 2d), firing everything due')
            break
        }
        'kubesim;clock;advance' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;cluster' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new cluster store')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Summarise the cluster: store path, clock, object counts')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Recreate the cluster with the same seed and the default shape')
            break
        }
        'kubesim;cluster;init' {
            [CompletionResult]::new('--nodes', '--nodes', [CompletionResultType]::ParameterName, 'Number of worker nodes')
            [CompletionResult]::new('--node-cpu', '--node-cpu', [CompletionResultType]::ParameterName, 'CPU capacity of each node')
            [CompletionResult]::new('--node-memory', '--node-memory', [CompletionResultType]::ParameterName, 'Memory capacity of each node')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the generator behind names, UIDs and addresses')
            [CompletionResult]::new('--start-time', '--start-time', [CompletionResultType]::ParameterName, 'Simulated start time (RFC 3339); default: now')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--bare', '--bare', [CompletionResultType]::ParameterName, 'Only the namespaces and the kubernetes Service: no nodes, no system workloads')
            [CompletionResult]::new('--realtime', '--realtime', [CompletionResultType]::ParameterName, 'Follow the wall clock: each invocation first advances to the current time')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing store')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;cluster;info' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;cluster;reset' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;api-resources' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: wide or name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: wide or name')
            [CompletionResult]::new('--namespaced', '--namespaced', [CompletionResultType]::ParameterName, 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default')
            [CompletionResult]::new('--api-group', '--api-group', [CompletionResultType]::ParameterName, 'Limit to resources in the specified API group')
            [CompletionResult]::new('--categories', '--categories', [CompletionResultType]::ParameterName, 'Limit to resources that belong to the specified categories')
            [CompletionResult]::new('--sort-by', '--sort-by', [CompletionResultType]::ParameterName, 'If non-empty, sort list of resources using specified field. The field can be either ''name'' or ''kind''')
            [CompletionResult]::new('--verbs', '--verbs', [CompletionResultType]::ParameterName, 'Limit to resources that support the specified verbs')
            [CompletionResult]::new('--cached', '--cached', [CompletionResultType]::ParameterName, 'Use the cached list of resources if available (accepted; kubesim has no cache)')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'When using the default or custom-column output format, don''t print headers')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;api-versions' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('view', 'view', [CompletionResultType]::ParameterValue, 'Display the kubeconfig kubesim presents (one cluster, context and user)')
            [CompletionResult]::new('set-context', 'set-context', [CompletionResultType]::ParameterValue, 'Set the namespace of the kubesim context (--current --namespace=NS)')
            [CompletionResult]::new('get-contexts', 'get-contexts', [CompletionResultType]::ParameterValue, 'Describe one or many contexts')
            [CompletionResult]::new('current-context', 'current-context', [CompletionResultType]::ParameterValue, 'Display the current-context')
            [CompletionResult]::new('use-context', 'use-context', [CompletionResultType]::ParameterValue, 'Set the current-context (only "kubesim" exists)')
            [CompletionResult]::new('get-clusters', 'get-clusters', [CompletionResultType]::ParameterValue, 'Display clusters defined in the kubeconfig')
            [CompletionResult]::new('get-users', 'get-users', [CompletionResultType]::ParameterValue, 'Display users defined in the kubeconfig')
            break
        }
        'kubesim;config;view' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: yaml, json, jsonpath=....')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: yaml, json, jsonpath=....')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--minify', '--minify', [CompletionResultType]::ParameterName, 'Remove all information not used by current-context from the output')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Display raw byte data and sensitive data')
            [CompletionResult]::new('--flatten', '--flatten', [CompletionResultType]::ParameterName, 'Flatten the resulting kubeconfig file into self-contained output')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;set-context' {
            [CompletionResult]::new('--cluster', '--cluster', [CompletionResultType]::ParameterName, 'cluster for the context entry in kubeconfig (only "kubesim")')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'user for the context entry in kubeconfig (only "kubesim")')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--current', '--current', [CompletionResultType]::ParameterName, 'Modify the current context')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;get-contexts' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: name')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: name')
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'When using the default or custom-column output format, don''t print headers')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;current-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;use-context' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;get-clusters' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;config;get-users' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;completion' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'kubesim;version' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Path of the cluster state file (default: the platform data dir)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'The namespace scope for this request')
            [CompletionResult]::new('--client', '--client', [CompletionResultType]::ParameterName, 'If true, shows client version only (no server required)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
