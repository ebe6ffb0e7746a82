#include "mdp/server/Http.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace mdp::server {

QByteArray Request::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString Request::path() const
{
    const qsizetype query = target.indexOf(QLatin1Char('?'));
    return query < 0 ? target : target.left(query);
}

QString Request::queryValue(QStringView name) const
{
    const qsizetype query = target.indexOf(QLatin1Char('?'));
    if (query < 0)
        return {};
    return QUrlQuery(target.mid(query + 1)).queryItemValue(name.toString(), QUrl::FullyDecoded);
}

Response jsonResponse(int status, const QJsonObject &body)
{
    Response response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

Response problem(int status, const QString &title, const QString &detail)
{
    QJsonObject body{{QStringLiteral("type"), QStringLiteral("about:blank")},
                     {QStringLiteral("title"), title},
                     {QStringLiteral("status"), status}};
    if (!detail.isEmpty())
        body.insert(QStringLiteral("detail"), detail);
    Response response = jsonResponse(status, body);
    response.contentType = "application/problem+json";
    return response;
}

} // namespace mdp::server
