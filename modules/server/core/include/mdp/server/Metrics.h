#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>
#include <map>

namespace mdp::server {

// Counters and a latency histogram per endpoint, plus gauges read when scraped; rendered in the
// Prometheus text format (issue 11 part 1, issue 17 part 4). Thread-safe.
class Metrics
{
public:
    void countCall(const QString &operation, int status, double seconds);
    void countRefusedConnection(const QString &reason);
    // A gauge computed at scrape time (certificate expiry, sync backlog, audit shipping lag).
    void setGauge(const QString &name, const QString &help, std::function<double()> read);
    QByteArray prometheusText() const;
    qint64 calls() const;

private:
    struct Series
    {
        qint64 count = 0;
        double sum = 0;
        std::map<double, qint64> buckets;
    };
    mutable QMutex m_mutex;
    std::map<std::pair<QString, int>, qint64> m_calls;
    std::map<QString, Series> m_latency;
    std::map<QString, qint64> m_refused;
    std::map<QString, std::pair<QString, std::function<double()>>> m_gauges;
    qint64 m_total = 0;
};

} // namespace mdp::server
