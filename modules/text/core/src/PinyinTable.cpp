#include "PinyinTable.h"

#include "TextLogging.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace mdp::text {

const PinyinTable &PinyinTable::instance()
{
    static const PinyinTable table; // thread-safe lazy initialisation
    return table;
}

PinyinTable::PinyinTable()
    : m_offsets{0}
    , m_dense(kDenseLast - kDenseFirst + 1, 0)
{
    QFile file(QStringLiteral(":/mdp/text/hanzi-pinyin.tsv"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcText) << "pinyin table resource missing; pinyin conversion disabled";
        return;
    }
    const QByteArray data = file.readAll();
    QHash<QByteArray, quint16> numbers;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype eol = data.indexOf('\n', pos);
        if (eol < 0)
            eol = data.size();
        const QByteArrayView line = QByteArrayView(data).sliced(pos, eol - pos);
        pos = eol + 1;
        if (line.isEmpty() || line.front() == '#')
            continue;
        const qsizetype tab = line.indexOf('\t');
        if (tab <= 0)
            continue;
        bool ok = false;
        const char32_t cp = char32_t(line.first(tab).toUInt(&ok, 16));
        const QByteArrayView reading = line.sliced(tab + 1).trimmed();
        if (!ok || reading.isEmpty())
            continue;
        quint16 number = numbers.value(reading.toByteArray());
        if (number == 0) {
            m_pool.append(reading);
            m_offsets.push_back(quint16(m_pool.size()));
            number = quint16(m_offsets.size() - 1);
            numbers.insert(reading.toByteArray(), number);
        }
        if (cp >= kDenseFirst && cp <= kDenseLast) {
            m_dense[cp - kDenseFirst] = number;
        } else {
            m_sparseCp.push_back(cp);
            m_sparseSyllable.push_back(number);
        }
        ++m_count;
    }
    // The generator writes code points in ascending order; sort anyway so lookups never depend on it.
    if (!std::is_sorted(m_sparseCp.begin(), m_sparseCp.end())) {
        std::vector<std::size_t> order(m_sparseCp.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return m_sparseCp[a] < m_sparseCp[b]; });
        std::vector<char32_t> cps;
        std::vector<quint16> syl;
        for (auto i : order) {
            cps.push_back(m_sparseCp[i]);
            syl.push_back(m_sparseSyllable[i]);
        }
        m_sparseCp.swap(cps);
        m_sparseSyllable.swap(syl);
    }
    m_sparseCp.shrink_to_fit();
    m_sparseSyllable.shrink_to_fit();
}

QLatin1StringView PinyinTable::syllable(char32_t cp) const
{
    quint16 number = 0;
    if (cp >= kDenseFirst && cp <= kDenseLast) {
        number = m_dense[cp - kDenseFirst];
    } else {
        const auto it = std::lower_bound(m_sparseCp.begin(), m_sparseCp.end(), cp);
        if (it != m_sparseCp.end() && *it == cp)
            number = m_sparseSyllable[std::size_t(it - m_sparseCp.begin())];
    }
    if (number == 0)
        return {};
    const quint16 begin = m_offsets[number - 1];
    return QLatin1StringView(m_pool.constData() + begin, m_offsets[number] - begin);
}

} // namespace mdp::text
