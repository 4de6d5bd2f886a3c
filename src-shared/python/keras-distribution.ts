/**
 * The tf.distribute parts of a generated Keras script: MirroredStrategy for the GPUs of one machine,
 * MultiWorkerMirroredStrategy (driven by TF_CONFIG) for several machines, following TensorFlow's
 * distributed-training guides (strategy created first, model built and compiled in its scope,
 * global batch = per-replica batch × replicas, tf.data sharded by element, only the chief keeps what is saved).
 */

/** How a script spreads training: not at all, over one machine's GPUs, or over several machines. */
export const DISTRIBUTIONS = ['none', 'mirrored', 'multi-worker'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

/** Whether `value` names a distribution. */
export function isDistribution(value: string): value is Distribution {
  return (DISTRIBUTIONS as readonly string[]).includes(value);
}

/** The module-level names a distributed script adds (no layer variable may take them). */
export const DISTRIBUTION_NAMES = [
  'os',
  'HERE',
  'strategy',
  'PER_REPLICA_BATCH_SIZE',
  'BATCH_SIZE',
  'STEPS_PER_EPOCH',
  'distributed_dataset',
  'is_chief',
  'save_dir',
];

/** A TF_CONFIG for worker `index` of a two-machine cluster, as one shell line. */
function tfConfigExample(index: number): string {
  return `#   export TF_CONFIG='{"cluster": {"worker": ["10.0.0.1:12345", "10.0.0.2:12345"]}, "task": {"type": "worker", "index": ${index}}}'`;
}

/** The lines, right after the imports, that create the strategy (TensorFlow wants it before any other operation) and the global batch. */
export function strategyCode(distribution: Exclude<Distribution, 'none'>, batchSize: number): string[] {
  const strategy =
    distribution === 'mirrored'
      ? [
          '# MirroredStrategy keeps a copy of the model on every GPU of this machine (the CPU when there is',
          '# none) and averages their gradients after every step, so the copies stay the same.',
          'strategy = tf.distribute.MirroredStrategy()',
        ]
      : [
          '# MultiWorkerMirroredStrategy trains one model on several machines in step. Every machine runs',
          '# this same script with the environment variable TF_CONFIG naming the whole cluster and its own',
          '# place in it; worker 0 is the chief, which keeps what the run saves. For two machines:',
          '#',
          '# on the first (the chief):',
          tfConfigExample(0),
          '# on the second:',
          tfConfigExample(1),
          '#',
          '# then start the script on both; training begins once every worker has joined. Without',
          '# TF_CONFIG the script trains on this machine alone.',
          'strategy = tf.distribute.MultiWorkerMirroredStrategy()',
        ];
  return [
    ...strategy,
    `PER_REPLICA_BATCH_SIZE = ${batchSize}`,
    `# Every step splits one global batch across the replicas (${distribution === 'mirrored' ? 'the GPUs of this machine' : 'all GPUs of all workers'}):`,
    '# global batch = per-replica batch × replicas. A larger global batch may want a larger learning rate.',
    'BATCH_SIZE = PER_REPLICA_BATCH_SIZE * strategy.num_replicas_in_sync',
    "print(f'{strategy.num_replicas_in_sync} replicas, global batch {BATCH_SIZE}')",
  ];
}

/** The multi-worker script's helpers: batches of the global batch sharded across workers, and who the chief is. */
export function multiWorkerFunctionsCode(): string[] {
  return [
    'def distributed_dataset(x, y, train):',
    '    """Global batches that tf.distribute splits across the workers; for training shuffled and repeated."""',
    '    dataset = tf.data.Dataset.from_tensor_slices((x, y))',
    '    if train:',
    '        # The same seed on every worker: sharding by element needs the elements in the same order everywhere.',
    '        dataset = dataset.shuffle(len(x), seed=SEED).repeat()',
    '    dataset = dataset.batch(BATCH_SIZE)',
    '    # Arrays in memory come from no files to shard, so each worker takes its share of the elements (DATA).',
    '    options = tf.data.Options()',
    '    options.experimental_distribute.auto_shard_policy = tf.data.experimental.AutoShardPolicy.DATA',
    '    return dataset.with_options(options)',
    '',
    '',
    'def is_chief():',
    '    """Worker 0 (or a task named chief, or this machine alone without TF_CONFIG) keeps what the run saves."""',
    '    task_type, task_id = strategy.cluster_resolver.task_type, strategy.cluster_resolver.task_id',
    "    return task_type is None or task_type == 'chief' or (task_type == 'worker' and task_id == 0)",
  ];
}

/** The multi-worker fit arguments after the model's own: sharded datasets, steps per epoch, and a backup a restarted worker resumes from. */
export function multiWorkerFitCode(epochs: number, validation: boolean): string[] {
  return [
    'STEPS_PER_EPOCH = max(1, len(x_train) // BATCH_SIZE)',
    'history = model.fit(',
    '    distributed_dataset(x_train, y_train_encoded, train=True),',
    `    epochs=${epochs},`,
    '    steps_per_epoch=STEPS_PER_EPOCH,',
    ...(validation ? ['    validation_data=distributed_dataset(x_val, y_val_encoded, train=False),'] : []),
    '    # A worker that fails and is started again resumes from the last finished epoch.',
    "    callbacks=[tf.keras.callbacks.BackupAndRestore(backup_dir=os.path.join(HERE, 'backup'))],",
    ')',
  ];
}

/** The lines after training that save the trained model where the chief keeps it. */
export function chiefSaveCode(): string[] {
  return [
    '# Every worker saves, since saving runs operations across the cluster; only the chief keeps its',
    "# copy: the others write to a temporary folder and remove it, as TensorFlow's multi-worker guide does.",
    "save_dir = os.path.join(HERE, 'trained_keras')",
    'if not is_chief():',
    "    save_dir = os.path.join(save_dir, f'worker_{strategy.cluster_resolver.task_id}_tmp')",
    'os.makedirs(save_dir, exist_ok=True)',
    "model.save(os.path.join(save_dir, 'model.keras'))",
    'if not is_chief():',
    '    tf.io.gfile.rmtree(save_dir)',
    'else:',
    "    print(f'saved the trained model to {save_dir}')",
  ];
}
