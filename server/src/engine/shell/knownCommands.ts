/**
 * What a shell block may run without OpsDocs asking about it. Every list is fixed, so
 * that `command-unknown` says the same on a writer's laptop and in CI; PATH only widens it.
 */

/** Bash and POSIX shell builtins and keywords. */
export const SHELL_BUILTINS = new Set(`
  . : [ [[ ]] { } ! alias bg bind break builtin caller case cd command compgen complete compopt continue
  declare dirs disown do done echo elif else enable esac eval exec exit export false fc fg fi for function
  getopts hash help history if in jobs kill let local logout mapfile popd printf pushd pwd read readarray
  readonly return select set shift shopt source suspend test then time times trap true type typeset ulimit
  umask unalias unset until wait while
  setopt unsetopt autoload bindkey emulate zmodload rehash
`.split(/\s+/).filter(Boolean));

/**
 * Programs a runbook reader can be expected to have: POSIX and GNU utilities, and the
 * common tools of operations work (cloud CLIs, Kubernetes, containers, databases, networking).
 */
export const COMMON_TOOLS = new Set(`
  awk base64 basename bash bc cat chgrp chmod chown chroot cksum clear cmp column comm cp cpio crontab csplit cut
  date dd df diff diff3 dirname dmesg du egrep env expand expr factor fgrep file find fmt fold free fuser getent
  grep groupadd groupdel groups gunzip gzip head hexdump hostname hostnamectl id install ionice iostat ip join
  journalctl kill killall less ln locale logger login logrotate look ls lsblk lsof lsmod make man md5sum mkdir mkfifo
  mknod mktemp modprobe more mount mpstat mv nice nl nohup nproc numfmt od passwd paste patch pgrep pidof ping pkill
  pmap printenv ps pstree ptx pv readlink realpath reboot renice rev rm rmdir rsync sar script sed seq service sh
  sha1sum sha256sum sha512sum shred shuf shutdown sleep sort split stat stdbuf strace strings stty su sudo sum swapoff
  swapon sync sysctl systemctl tac tail tar tee timedatectl timeout top touch tr truncate tsort tty umount uname
  unexpand uniq unlink unzip uptime useradd userdel usermod vi vim view vmstat w watch wc whereis which who whoami
  xargs xxd yes zcat zip zless zgrep xz unxz bzip2 bunzip2 zstd 7z nano emacs ed ex tmux screen htop atop iotop
  iftop nethogs lscpu lspci lsusb dmidecode blkid fdisk parted mkfs mkfs.ext4 mkfs.xfs e2fsck fsck resize2fs xfs_growfs
  growpart lvextend lvcreate lvs pvs vgs pvcreate vgcreate vgextend mdadm losetup findmnt ss netstat ifconfig route
  arp iptables ip6tables nft ufw firewall-cmd tcpdump tshark nmap nc ncat netcat socat telnet traceroute tracepath mtr
  dig nslookup host whois curl wget http https httpie openssl ssh scp sftp ssh-keygen ssh-add ssh-agent ssh-copy-id
  gpg gpg2 age sops pass chage visudo setfacl getfacl chattr lsattr setenforce getenforce semanage restorecon
  apt apt-get apt-cache dpkg yum dnf rpm zypper apk pacman brew snap flatpak pip pip3 pipx python python3 node npm
  npx yarn pnpm deno bun go gofmt cargo rustc ruby gem bundle java javac mvn gradle dotnet php composer perl lua
  jq yq xmllint gron envsubst git gh glab hub svn tig git-lfs
  docker docker-compose podman buildah skopeo crictl ctr nerdctl containerd runc
  kubectl kubeadm kubelet kustomize helm helmfile k9s kind minikube k3s k3d kubens kubectx stern kubeseal
  oc odo istioctl linkerd cilium calicoctl velero argocd flux tkn kn skaffold tilt etcdctl etcdutl
  terraform terragrunt tofu packer vault consul nomad boundary waypoint vagrant ansible ansible-playbook
  ansible-galaxy ansible-vault pulumi cdk sam serverless
  aws gcloud gsutil bq az azcopy doctl linode-cli hcloud ibmcloud oci aliyun s3cmd rclone eksctl rosa ocm
  psql pg_dump pg_dumpall pg_restore pg_basebackup pg_ctl pg_ctlcluster pg_isready pg_upgrade pg_lsclusters
  createdb dropdb vacuumdb reindexdb mysql mysqldump mysqladmin mysqlcheck mysqlbinlog mariadb mariadb-dump
  mongo mongosh mongodump mongorestore mongoexport mongoimport redis-cli redis-server redis-benchmark
  sqlite3 cqlsh nodetool clickhouse-client influx cockroach etcd
  kafka-topics kafka-topics.sh kafka-consumer-groups kafka-consumer-groups.sh kafka-console-consumer
  kafka-console-producer kafka-configs rabbitmqctl rabbitmq-diagnostics rabbitmq-plugins nats
  nginx apachectl apache2ctl httpd haproxy envoy caddy traefik certbot
  promtool amtool prometheus alertmanager grafana-cli loki logcli vector fluentd fluent-bit
  elasticsearch-plugin filebeat metricbeat telegraf datadog-agent newrelic otelcol
  ab wrk hey vegeta k6 siege iperf iperf3 stress stress-ng fio sysbench
  jstack jmap jcmd jstat jps gdb lldb perf valgrind ltrace pidstat
  supervisorctl pm2 monit runit sv s6-svc rc-service chkconfig update-rc.d initctl launchctl
  crontab at atq atrm batch anacron
  cfssl cfssljson step keytool mkcert
  zfs zpool btrfs ceph rbd rados radosgw-admin gluster mount.nfs showmount exportfs iscsiadm multipath
  virsh qemu-img qemu-system-x86_64 virt-install lxc incus vboxmanage
  sed awk nawk gawk perl python2 pwsh powershell bash zsh fish dash ksh
  open xdg-open pbcopy pbpaste xclip code
`.split(/\s+/).filter(Boolean));
