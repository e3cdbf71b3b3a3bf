requestAnimationFrame(function () { setTimeout(function () { var s = document.createElement('script'); s.src = '/assets/{{app.js}}'; document.body.appendChild(s); }, 0); });
