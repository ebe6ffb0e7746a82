#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/PatientSearch.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace mdp::registry::ui {

// Search as you type: each keystroke restarts a short quiet period, and only the text standing when
// it ends is searched, so a query overtaken by further typing is cancelled before it costs anything.
// Every answer carries the generation of its query; one that is no longer the latest is dropped.
class PatientSearchController : public QObject
{
    Q_OBJECT
public:
    using Executor = std::function<Result<QList<registry::PatientHit>>(const QString &query)>;

    static constexpr int kDefaultDelayMs = 150;

    explicit PatientSearchController(Executor executor, QObject *parent = nullptr);

    void setDelay(int milliseconds);
    // Starts the quiet period for `text` (blank text clears the results at once).
    void setQuery(const QString &text);
    // Runs the pending query now (Enter, tests); false when nothing is pending.
    bool flush();
    // Searches `text` again at once (after a change in the registry).
    void refresh();

    QString query() const { return m_query; }
    bool isPending() const;
    // Queries that reached the executor (typing that was overtaken does not count).
    int executedCount() const { return m_executed; }

Q_SIGNALS:
    void resultsReady(const QString &query, const QList<registry::PatientHit> &hits, qint64 elapsedMs);
    void cleared();
    void failed(const QString &query, const QString &message);

private:
    void run();

    Executor m_executor;
    QTimer *m_timer;
    QString m_query;
    quint64 m_generation = 0;
    int m_executed = 0;
};

} // namespace mdp::registry::ui
