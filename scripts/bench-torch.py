"""PyTorch CPU side of `npm run bench:torch`: trains the bench's networks with Adam on random data.

Usage: bench-torch.py MODEL BATCH SECONDS [THREADS (default: every core)]
MODEL is lecture (28x28x1 Conv 10 -> Pool -> Dense 100 -> Dense 10) or cifar (32x32x3 Conv 32 ->
Pool -> Conv 64 -> Pool -> Dense 128 -> Dense 10). Prints one JSON line like Convas's bench --json.
"""
import json
import os
import sys
import time

import torch
from torch import nn


def lecture():
    return nn.Sequential(
        nn.Conv2d(1, 10, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(10 * 14 * 14, 100), nn.ReLU(), nn.Linear(100, 10),
    ), (1, 28, 28)


def cifar():
    return nn.Sequential(
        nn.Conv2d(3, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(64 * 8 * 8, 128), nn.ReLU(), nn.Linear(128, 10),
    ), (3, 32, 32)


def main():
    name, batch, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    # Every core unless told: Debian's build otherwise picks one thread on some machines.
    torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else os.cpu_count())
    torch.manual_seed(1)
    model, shape = {'lecture': lecture, 'cifar': cifar}[name]()
    # Keras's Adam defaults, as Convas uses; the softmax is inside the loss here, as PyTorch does it.
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    data = torch.rand(2048, *shape)
    labels = torch.randint(0, 10, (2048,))

    def step(i):
        at = (i * batch) % (2048 - batch + 1)
        optimizer.zero_grad()
        loss = loss_fn(model(data[at:at + batch]), labels[at:at + batch])
        loss.backward()
        optimizer.step()
        return loss.item()

    for i in range(3):
        step(i)
    steps, start = 0, time.perf_counter()
    while steps < 2 or time.perf_counter() - start < seconds:
        step(steps)
        steps += 1
    elapsed = time.perf_counter() - start
    print(json.dumps({
        'backend': 'pytorch-cpu', 'batchSize': batch, 'threads': torch.get_num_threads(), 'model': name,
        'samplesPerSec': round(steps * batch / elapsed, 1), 'version': torch.__version__,
    }))


main()
