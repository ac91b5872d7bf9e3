# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_kubesim_global_optspecs
    string join \n store= n/namespace= h/help V/version
end

function __fish_kubesim_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_kubesim_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_kubesim_using_subcommand
    set -l cmd (__fish_kubesim_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c kubesim -n "__fish_kubesim_needs_command" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_needs_command" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_needs_command" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_needs_command" -s V -l version -d 'Print version'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "apply" -d 'Apply a configuration to a resource by file name or stdin'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "create" -d 'Create a resource from a file or from stdin'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "run" -d 'Run a particular image on the cluster (a bare pod)'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "label" -d 'Update the labels on a resource'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "annotate" -d 'Update the annotations on a resource'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "patch" -d 'Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "diff" -d 'Diff the live version against what would be applied'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "edit" -d 'Edit a resource on the server with your default editor'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "get" -d 'Display one or many resources'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "delete" -d 'Delete resources by file names, stdin, resources and names, or by resources and label selector'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "scale" -d 'Set a new size for a deployment, replica set, replication controller, or stateful set'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "describe" -d 'Show details of a specific resource or group of resources'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "rollout" -d 'Manage the rollout of one or many resources'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "set" -d 'Configure application resources (image, resources, env)'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "clock" -d 'Show or advance the simulated clock'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "cluster" -d 'Create, inspect or reset the simulated cluster'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "api-resources" -d 'Print the supported API resources on the server'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "api-versions" -d 'Print the supported API versions on the server, in the form of "group/version"'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "config" -d 'Modify kubeconfig-style settings: the namespace kept in the store'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "completion" -d 'Output shell completion code for the specified shell (bash, zsh, fish, powershell or elvish)'
complete -c kubesim -n "__fish_kubesim_needs_command" -f -a "version" -d 'Print the client and server version information'
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -s f -l filename -d 'The files that contain the configurations to apply (`-` for stdin)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -s o -l output -d 'Output format: json, yaml, name, jsonpath=..., jsonpath-as-json=... ' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -s R -l recursive -d 'Process the directory used in -f recursively'
complete -c kubesim -n "__fish_kubesim_using_subcommand apply" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -s f -l filename -d 'Filename, directory, or URL to files to use to create the resource' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -s R -l recursive -d 'Process the directory used in -f recursively'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "deployment" -d 'Create a deployment with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "deploy" -d 'Create a deployment with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "job" -d 'Create a job with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "cronjob" -d 'Create a cron job with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "cj" -d 'Create a cron job with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "service" -d 'Create a service using a specified subcommand'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "svc" -d 'Create a service using a specified subcommand'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "namespace" -d 'Create a namespace with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "ns" -d 'Create a namespace with the specified name'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "configmap" -d 'Create a config map from a local file, directory or literal value'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "cm" -d 'Create a config map from a local file, directory or literal value'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and not __fish_seen_subcommand_from deployment deploy job cronjob cj service svc namespace ns configmap cm secret" -f -a "secret" -d 'Create a secret using a specified subcommand'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -l image -d 'Image names to run. A deployment can have multiple images set for multi-container pod' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -s r -l replicas -d 'Number of replicas to create' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -l port -d 'The containerPort that this deployment exposes' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deployment" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -l image -d 'Image names to run. A deployment can have multiple images set for multi-container pod' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -s r -l replicas -d 'Number of replicas to create' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -l port -d 'The containerPort that this deployment exposes' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from deploy" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -l image -d 'Image name to run' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from job" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -l image -d 'Image name to run' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -l schedule -d 'A schedule in the Cron format the job should be run with' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -l restart -d 'job\'s restart policy. supported values: OnFailure, Never' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cronjob" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -l image -d 'Image name to run' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -l schedule -d 'A schedule in the Cron format the job should be run with' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -l restart -d 'job\'s restart policy. supported values: OnFailure, Never' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cj" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -f -a "clusterip" -d 'Create a ClusterIP service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -f -a "nodeport" -d 'Create a NodePort service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from service" -f -a "loadbalancer" -d 'Create a LoadBalancer service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -f -a "clusterip" -d 'Create a ClusterIP service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -f -a "nodeport" -d 'Create a NodePort service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from svc" -f -a "loadbalancer" -d 'Create a LoadBalancer service'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from namespace" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from namespace" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from namespace" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from namespace" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from namespace" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from ns" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from ns" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from ns" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from ns" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from ns" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -l from-literal -d 'Specify a key and literal value to insert (i.e. mykey=somevalue)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -l from-file -d 'Key file can be specified using its file path, or an optional key and file path' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -l from-env-file -d 'Specify the path to a file to read lines of key=val pairs' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from configmap" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -l from-literal -d 'Specify a key and literal value to insert (i.e. mykey=somevalue)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -l from-file -d 'Key file can be specified using its file path, or an optional key and file path' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -l from-env-file -d 'Specify the path to a file to read lines of key=val pairs' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from cm" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from secret" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from secret" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from secret" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand create; and __fish_seen_subcommand_from secret" -f -a "generic" -d 'Create a secret from a local file, directory, or literal value'
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l image -d 'The image for the container to run' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -s l -l labels -d 'Comma separated labels to apply to the pod. Will override previous values' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l annotations -d 'Annotations to apply to the pod' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l restart -d 'The restart policy for this Pod. Legal values [Always, OnFailure, Never]' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l port -d 'The port that this container exposes' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l env -d 'Environment variables to set in the container' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l image-pull-policy -d 'The image pull policy for the container' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -l command -d 'If true and extra arguments are present, use them as the \'command\' field in the container'
complete -c kubesim -n "__fish_kubesim_using_subcommand run" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -l overwrite -d 'Allow existing values to be overwritten'
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -l all -d 'Select all resources, in the namespace of the specified resource types'
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -s A -l all-namespaces -d 'If true, check the specified action in all namespaces'
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -l list -d 'If true, display the labels (annotations) for a given resource'
complete -c kubesim -n "__fish_kubesim_using_subcommand label" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -l overwrite -d 'Allow existing values to be overwritten'
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -l all -d 'Select all resources, in the namespace of the specified resource types'
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -s A -l all-namespaces -d 'If true, check the specified action in all namespaces'
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -l list -d 'If true, display the labels (annotations) for a given resource'
complete -c kubesim -n "__fish_kubesim_using_subcommand annotate" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -s p -l patch -d 'The patch to be applied to the resource JSON file' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -l patch-file -d 'A file containing a patch to be applied to the resource' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -l type -d 'The type of patch being provided; one of [json merge strategic]' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -l dry-run -d 'Must be "none", "server", or "client"' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -s o -l output -d 'Output format: yaml, json or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand patch" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand diff" -s f -l filename -d 'Filename, directory, or URL to files contains the configuration to diff' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand diff" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand diff" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand diff" -s R -l recursive -d 'Process the directory used in -f recursively'
complete -c kubesim -n "__fish_kubesim_using_subcommand diff" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand edit" -s o -l output -d 'Output format for editing: yaml (default) or json' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand edit" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand edit" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand edit" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s o -l output -d 'Output format: wide, yaml, json, name, jsonpath=..., jsonpath-file=..., jsonpath-as-json=..., custom-columns=..., custom-columns-file=....' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l template -d 'Template string or path to template file to use with -o jsonpath / custom-columns' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l field-selector -d 'Selector (field query) to filter on, e.g. --field-selector status.phase=Running' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s L -l label-columns -d 'Columns for the values of these labels' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l sort-by -d 'Sort list types using this JSONPath expression, e.g. \'{.metadata.name}\'' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l allow-missing-template-keys -d 'Ignore errors in templates when a field or map key is missing (jsonpath output)' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s A -l all-namespaces -d 'List the requested object(s) across all namespaces'
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l no-headers -d 'Don\'t print headers'
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l show-labels -d 'Show all labels as the last column'
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -l show-kind -d 'List the resource type for the requested object(s)'
complete -c kubesim -n "__fish_kubesim_using_subcommand get" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s f -l filename -d 'Files that contain the resources to delete' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l cascade -d 'background, foreground or orphan' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l grace-period -d 'Seconds given to the resource to terminate gracefully' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l wait -d 'Wait for resources to be gone before returning (advances the simulated clock)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s o -l output -d 'Output mode: `name`' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s R -l recursive
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l all -d 'Delete all resources of the given types in the namespace'
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l now -d 'Immediate deletion (grace period 1)'
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l force -d 'Immediately remove resources from the API'
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -l ignore-not-found -d 'Treat "resource not found" as a successful delete'
complete -c kubesim -n "__fish_kubesim_using_subcommand delete" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand scale" -l replicas -d 'The new desired number of replicas' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand scale" -l current-replicas -d 'Precondition for current size' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand scale" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand scale" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand scale" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -l show-events -d 'If true, display events related to the described object' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -s A -l all-namespaces -d 'If present, list the requested object(s) across all namespaces'
complete -c kubesim -n "__fish_kubesim_using_subcommand describe" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "status" -d 'Show the status of the rollout (advancing the simulated clock while it waits)'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "history" -d 'View previous rollout revisions and configurations'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "undo" -d 'Undo a previous rollout'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "pause" -d 'Mark the provided resource as paused'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "resume" -d 'Resume a paused resource'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and not __fish_seen_subcommand_from status history undo pause resume restart" -f -a "restart" -d 'Restart a resource'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -s w -l watch -d 'Watch the status of the rollout until it\'s done' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -l revision -d 'Pin to a specific revision for showing its status. Defaults to 0 (last revision)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -l timeout -d 'The length of simulated time to wait before ending watch, zero means never (e.g. 1s, 2m, 3h)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from history" -l revision -d 'See the details, including podTemplate of the revision specified' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from history" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from history" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from undo" -l to-revision -d 'The revision to rollback to. Default to 0 (last revision)' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from undo" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from undo" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from pause" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from pause" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from resume" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from resume" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from restart" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from restart" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand rollout; and __fish_seen_subcommand_from restart" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -f -a "image" -d 'Update existing container image(s) of resources'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -f -a "resources" -d 'Update resource requests/limits on objects with pod templates'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and not __fish_seen_subcommand_from image resources env" -f -a "env" -d 'Update environment variables on a pod template'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from image" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from image" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from image" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from image" -l all -d 'Select all resources, in the namespace of the specified resource types'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from image" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -s c -l containers -d 'The names of containers in the selected pod templates to change, all containers are selected by default - may use wildcards' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -l limits -d 'The resource requirement limits for this container. For example, \'cpu=200m,memory=512Mi\'' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -l requests -d 'The resource requirement requests for this container. For example, \'cpu=100m,memory=256Mi\'' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -l all -d 'Select all resources, in the namespace of the specified resource types'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from resources" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -s l -l selector -d 'Selector (label query) to filter on' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -s c -l containers -d 'The names of containers in the selected pod templates to change - may use wildcards' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -s e -l env -d 'Specify a key-value pair for an environment variable to set into each container' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -l overwrite -d 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -l all -d 'Select all resources, in the namespace of the specified resource types'
complete -c kubesim -n "__fish_kubesim_using_subcommand set; and __fish_seen_subcommand_from env" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and not __fish_seen_subcommand_from advance" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and not __fish_seen_subcommand_from advance" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and not __fish_seen_subcommand_from advance" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and not __fish_seen_subcommand_from advance" -f -a "advance" -d 'Move the simulated clock forward (e.g. 30s, 5m, 1h30m, 2d), firing everything due'
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and __fish_seen_subcommand_from advance" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and __fish_seen_subcommand_from advance" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand clock; and __fish_seen_subcommand_from advance" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -f -a "init" -d 'Create a new cluster store'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -f -a "info" -d 'Summarise the cluster: store path, clock, object counts'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and not __fish_seen_subcommand_from init info reset" -f -a "reset" -d 'Recreate the cluster with the same seed and the default shape'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l nodes -d 'Number of worker nodes' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l node-cpu -d 'CPU capacity of each node' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l node-memory -d 'Memory capacity of each node' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l seed -d 'Seed of the generator behind names, UIDs and addresses' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l start-time -d 'Simulated start time (RFC 3339); default: now' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l bare -d 'Only the namespaces and the kubernetes Service: no nodes, no system workloads'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l realtime -d 'Follow the wall clock: each invocation first advances to the current time'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -l force -d 'Replace an existing store'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from info" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from info" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from reset" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from reset" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand cluster; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -s o -l output -d 'Output format: wide or name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l namespaced -d 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l api-group -d 'Limit to resources in the specified API group' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l categories -d 'Limit to resources that belong to the specified categories' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l sort-by -d 'If non-empty, sort list of resources using specified field. The field can be either \'name\' or \'kind\'' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l verbs -d 'Limit to resources that support the specified verbs' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l cached -d 'Use the cached list of resources if available (accepted; kubesim has no cache)' -r -f -a "true\t''
false\t''"
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -l no-headers -d 'When using the default or custom-column output format, don\'t print headers'
complete -c kubesim -n "__fish_kubesim_using_subcommand api-resources" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand api-versions" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand api-versions" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand api-versions" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "view" -d 'Display the kubeconfig kubesim presents (one cluster, context and user)'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "set-context" -d 'Set the namespace of the kubesim context (--current --namespace=NS)'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "get-contexts" -d 'Describe one or many contexts'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "current-context" -d 'Display the current-context'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "use-context" -d 'Set the current-context (only "kubesim" exists)'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "get-clusters" -d 'Display clusters defined in the kubeconfig'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and not __fish_seen_subcommand_from view set-context get-contexts current-context use-context get-clusters get-users" -f -a "get-users" -d 'Display users defined in the kubeconfig'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -s o -l output -d 'Output format: yaml, json, jsonpath=....' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -l minify -d 'Remove all information not used by current-context from the output'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -l raw -d 'Display raw byte data and sensitive data'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -l flatten -d 'Flatten the resulting kubeconfig file into self-contained output'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from view" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -l cluster -d 'cluster for the context entry in kubeconfig (only "kubesim")' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -l user -d 'user for the context entry in kubeconfig (only "kubesim")' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -l current -d 'Modify the current context'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from set-context" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s o -l output -d 'Output format: name' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -l no-headers -d 'When using the default or custom-column output format, don\'t print headers'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-contexts" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from current-context" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from current-context" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from current-context" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from use-context" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from use-context" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from use-context" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-clusters" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-clusters" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-clusters" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-users" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-users" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand config; and __fish_seen_subcommand_from get-users" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand completion" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand completion" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand completion" -s h -l help -d 'Print help'
complete -c kubesim -n "__fish_kubesim_using_subcommand version" -l store -d 'Path of the cluster state file (default: the platform data dir)' -r -F
complete -c kubesim -n "__fish_kubesim_using_subcommand version" -s n -l namespace -d 'The namespace scope for this request' -r
complete -c kubesim -n "__fish_kubesim_using_subcommand version" -l client -d 'If true, shows client version only (no server required)'
complete -c kubesim -n "__fish_kubesim_using_subcommand version" -s h -l help -d 'Print help'

# Resource names from the store: `kubesim VERB TYPE <TAB>` completes the names of that type.
function __kubesim_names
    set -l words (commandline -opc)
    if test (count $words) -ge 3
        kubesim get $words[3] -o name 2>/dev/null | string replace -r '.*/' ''
    end
end
complete -c kubesim -n '__fish_seen_subcommand_from get describe delete scale edit label annotate patch' -f -a '(__kubesim_names)'
