#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::workbench {

// Runs `work` on a fresh thread and hands its value to `done` on `context`'s thread. Key derivation,
// unlocking and verification take hundreds of milliseconds; the window keeps painting meanwhile.
// The caller must not touch what `work` uses until `done` runs.
template<typename T>
QThread *runInBackground(QObject *context, std::function<T()> work, std::function<void(T &)> done)
{
    auto result = std::make_shared<std::optional<T>>();
    QThread *thread = QThread::create([result, work = std::move(work)] { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, context, [result, done = std::move(done)] {
        if (result->has_value())
            done(**result);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

} // namespace mdp::workbench
