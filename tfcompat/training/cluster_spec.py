"""``tf.train.ClusterSpec``: job names -> task addresses (a description only: tfcompat runs
one process and starts no servers)."""

from __future__ import annotations

from tfcompat.protobuf.cluster_pb2 import ClusterDef


class ClusterSpec:
    """A cluster as a dict of job name -> list of "host:port" addresses (or a dict of task
    index -> address for sparse jobs)."""

    def __init__(self, cluster):
        if isinstance(cluster, ClusterSpec):
            self._cluster_spec = {job: dict(tasks)
                                  for job, tasks in cluster._cluster_spec.items()}
            return
        if isinstance(cluster, ClusterDef):
            self._cluster_spec = {job.name: dict(job.tasks.items()) for job in cluster.job}
            return
        if not isinstance(cluster, dict):
            raise TypeError("`cluster` must be a dictionary mapping one or more job names to "
                            "lists of network addresses, or a `ClusterDef` protocol buffer")
        self._cluster_spec = {}
        for job_name, tasks in cluster.items():
            if isinstance(tasks, (list, tuple)):
                job_tasks = dict(enumerate(tasks))
            elif isinstance(tasks, dict):
                job_tasks = {int(i): task for i, task in tasks.items()}
            else:
                raise TypeError(f"The tasks for job {job_name!r} must be a list or a "
                                f"dictionary from integers to strings.")
            self._cluster_spec[job_name] = job_tasks

    def __bool__(self):
        return bool(self._cluster_spec)

    def __eq__(self, other):
        return isinstance(other, ClusterSpec) and self._cluster_spec == other._cluster_spec

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(str(self.as_dict()))

    def __str__(self):
        key_values = self.as_dict()
        string_items = [repr(k) + ": " + repr(key_values[k]) for k in sorted(key_values)]
        return "ClusterSpec({" + ", ".join(string_items) + "})"

    __repr__ = __str__

    def as_dict(self):
        """Job name -> addresses: a list when the task indices are 0..n-1, else a dict."""
        result = {}
        for job in self.jobs:
            indices = self.task_indices(job)
            if len(indices) == 0:
                result[job] = {}
            elif indices[-1] == len(indices) - 1:
                result[job] = self.job_tasks(job)
            else:
                result[job] = {i: self.task_address(job, i) for i in indices}
        return result

    @property
    def jobs(self):
        return list(self._cluster_spec)

    def _job(self, job_name):
        try:
            return self._cluster_spec[job_name]
        except KeyError:
            raise ValueError(f"No such job in cluster: {job_name!r}") from None

    def num_tasks(self, job_name):
        return len(self._job(job_name))

    def task_indices(self, job_name):
        return sorted(self._job(job_name))

    def task_address(self, job_name, task_index):
        job = self._job(job_name)
        try:
            return job[task_index]
        except KeyError:
            raise ValueError(f"No task with index {task_index!r} in job {job_name!r}") \
                from None

    def as_cluster_def(self) -> ClusterDef:
        """The ``ClusterDef`` proto of this cluster (jobs in name order)."""
        cluster_def = ClusterDef()
        for name in sorted(self._cluster_spec):
            job = cluster_def.job.add(name=name)
            for index, address in self._cluster_spec[name].items():
                job.tasks[index] = address
        return cluster_def

    def job_tasks(self, job_name):
        job = self._job(job_name)
        tasks = [None] * (max(job) + 1 if job else 0)
        for i, address in job.items():
            tasks[i] = address
        return tasks
