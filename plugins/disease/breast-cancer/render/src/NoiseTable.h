#pragma once

#include "mdp/cohort/CohortRandom.h"

#include <array>
#include <functional>

namespace mdp::cohort {

// A fixed sample of a noise distribution, read with 12 random bits at a time. Pictures need a
// noise value per pixel; drawing each through log/cos cost most of the rendering time.
class NoiseTable
{
public:
    NoiseTable(CohortRandom &random, const std::function<float(CohortRandom &)> &draw)
        : m_random(random)
    {
        for (float &v : m_values)
            v = draw(random);
    }

    float next()
    {
        if (m_left == 0) {
            m_bits = m_random.next();
            m_left = 5;
        }
        const float v = m_values[size_t(m_bits & 0xfff)];
        m_bits >>= 12;
        --m_left;
        return v;
    }

private:
    CohortRandom &m_random;
    std::array<float, 4096> m_values{};
    quint64 m_bits = 0;
    int m_left = 0;
};

} // namespace mdp::cohort
