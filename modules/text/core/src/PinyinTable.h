#pragma once

#include <QByteArray>
#include <QLatin1StringView>

#include <vector>

namespace mdp::text {

// The embedded Unihan reading table, parsed once on first use into about 170 KB: a dense array of
// syllable numbers for the basic ideograph blocks and a sorted sparse list for the rest.
class PinyinTable
{
public:
    static const PinyinTable &instance();

    // Empty when the code point has no reading.
    QLatin1StringView syllable(char32_t codePoint) const;
    qsizetype codePointCount() const { return m_count; }

private:
    PinyinTable();

    static constexpr char32_t kDenseFirst = 0x3400;
    static constexpr char32_t kDenseLast = 0x9FFF;

    QByteArray m_pool;                // all syllables back to back
    std::vector<quint16> m_offsets;   // syllable n spans m_offsets[n - 1] .. m_offsets[n]; 0 = none
    std::vector<quint16> m_dense;     // kDenseFirst .. kDenseLast
    std::vector<char32_t> m_sparseCp; // sorted
    std::vector<quint16> m_sparseSyllable;
    qsizetype m_count = 0;
};

} // namespace mdp::text
