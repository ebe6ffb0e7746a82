#include "mdp/server/Metrics.h"

#include <QMutexLocker>

namespace mdp::server {

namespace {
const double kBuckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};

QByteArray label(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return escaped.toUtf8();
}
} // namespace

void Metrics::countCall(const QString &operation, int status, double seconds)
{
    QMutexLocker lock(&m_mutex);
    ++m_calls[{operation, status}];
    ++m_total;
    Series &series = m_latency[operation];
    ++series.count;
    series.sum += seconds;
    for (double bound : kBuckets) {
        if (seconds <= bound)
            ++series.buckets[bound];
    }
}

void Metrics::countRefusedConnection(const QString &reason)
{
    QMutexLocker lock(&m_mutex);
    ++m_refused[reason];
}

void Metrics::setGauge(const QString &name, const QString &help, std::function<double()> read)
{
    QMutexLocker lock(&m_mutex);
    m_gauges[name] = {help, std::move(read)};
}

qint64 Metrics::calls() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

QByteArray Metrics::prometheusText() const
{
    decltype(m_gauges) gauges;
    QByteArray out;
    {
        QMutexLocker lock(&m_mutex);
        gauges = m_gauges;
        out += "# HELP mdp_grantd_requests_total API calls by endpoint and HTTP status.\n"
               "# TYPE mdp_grantd_requests_total counter\n";
        for (const auto &[key, count] : m_calls)
            out += "mdp_grantd_requests_total{endpoint=\"" + label(key.first) + "\",status=\"" +
                   QByteArray::number(key.second) + "\"} " + QByteArray::number(count) + '\n';
        out += "# HELP mdp_grantd_request_duration_seconds Time from request read to response ready.\n"
               "# TYPE mdp_grantd_request_duration_seconds histogram\n";
        for (const auto &[operation, series] : m_latency) {
            const QByteArray name = label(operation);
            for (double bound : kBuckets) {
                const auto it = series.buckets.find(bound);
                out += "mdp_grantd_request_duration_seconds_bucket{endpoint=\"" + name + "\",le=\"" +
                       QByteArray::number(bound) + "\"} " +
                       QByteArray::number(it == series.buckets.end() ? 0 : it->second) + '\n';
            }
            out += "mdp_grantd_request_duration_seconds_bucket{endpoint=\"" + name + "\",le=\"+Inf\"} " +
                   QByteArray::number(series.count) + '\n';
            out += "mdp_grantd_request_duration_seconds_sum{endpoint=\"" + name + "\"} " +
                   QByteArray::number(series.sum, 'g', 9) + '\n';
            out += "mdp_grantd_request_duration_seconds_count{endpoint=\"" + name + "\"} " +
                   QByteArray::number(series.count) + '\n';
        }
        out += "# HELP mdp_grantd_refused_connections_total Connections refused before a request.\n"
               "# TYPE mdp_grantd_refused_connections_total counter\n";
        for (const auto &[reason, count] : m_refused)
            out += "mdp_grantd_refused_connections_total{reason=\"" + label(reason) + "\"} " +
                   QByteArray::number(count) + '\n';
    }
    // Gauges are read outside the lock: they may query the store.
    for (const auto &[name, gauge] : gauges) {
        out +=
            "# HELP " + name.toUtf8() + ' ' + gauge.first.toUtf8() + "\n# TYPE " + name.toUtf8() + " gauge\n";
        out += name.toUtf8() + ' ' + QByteArray::number(gauge.second(), 'g', 12) + '\n';
    }
    return out;
}

} // namespace mdp::server
