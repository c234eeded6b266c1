addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => performance.mark('zhibu-painted'))))
